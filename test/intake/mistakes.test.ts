import { formatIntakeIssue } from '../../lib/intake';
import { JARGON, MISTAKES, check, mistaken } from './mistakes';

/**
 * Issue 15: every common mistake of a department clerk gets one plain-Japanese message per cause,
 * naming the line, the field (its Japanese label and key), what was written and what to write
 * instead. [line, column, code, rule, messageJa, fixJa] per expected issue.
 */
type Expected = ReadonlyArray<readonly [number, number, string, string, string, string]>;

const EXPECTED: Record<string, Expected> = {
  'memory with a unit': [
    [
      25,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「メモリ容量（GB）」（memoryGb）に単位などの文字「GB」が付いています',
      '単位は書かず、半角数字だけで 16 のように書きます。例: memoryGb: 16',
    ],
  ],
  'memory in full-width digits': [
    [
      25,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「メモリ容量（GB）」（memoryGb）に全角の文字「１６」が使われています',
      '半角数字で 16 のように書きます。例: memoryGb: 16',
    ],
  ],
  'memory in quotes': [
    [
      25,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「メモリ容量（GB）」（memoryGb）の数字が引用符（" や \'）で囲まれています',
      '引用符を外して、半角数字だけで書きます。例: memoryGb: 32',
    ],
  ],
  'disk size with a thousands separator': [
    [
      28,
      9,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「ディスク容量（GB）」（sizeGb）に桁区切りの「,」が入っています',
      '「,」を入れずに 1000 のように書きます。例: sizeGb: 1000',
    ],
  ],
  'memory with a decimal': [
    [
      25,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「メモリ容量（GB）」（memoryGb）は整数で書きます（小数は使えません）',
      '小数点のない半角数字で書きます。例: memoryGb: 8',
    ],
  ],
  'memory left empty': [
    [
      25,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「メモリ容量（GB）」（memoryGb）が空欄です',
      '「memoryGb:」のあとに半角数字を書きます。例: memoryGb: 16',
    ],
  ],
  'no sockets': [
    [
      24,
      12,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「仮想ソケット数」（sockets）が小さすぎます（1 から 16 まで）',
      '1 から 16 までの半角数字で書きます。例: sockets: 2',
    ],
  ],
  'too many sockets': [
    [
      24,
      12,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「仮想ソケット数」（sockets）が大きすぎます（1 から 16 まで）',
      '1 から 16 までの半角数字で書きます。例: sockets: 2',
    ],
  ],
  'no disks': [
    [
      26,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「ディスク」（disks）が 1 つも書かれていません',
      'disks: の下に「- sizeGb: 60」のように書き足します',
    ],
  ],
  'IP address in full-width digits': [
    [
      31,
      9,
      'KIBAN_INVALID_FIELD',
      'R29',
      '「IPアドレス」（ipv4）に全角の文字「１０」が使われています',
      '半角で書きます。例: ipv4: 10.231.0.11',
    ],
  ],
  'IP address with a prefix length': [
    [
      31,
      9,
      'KIBAN_INVALID_FIELD',
      'R29',
      '「IPアドレス」（ipv4）に「/24」は付けません（サブネットではなく 1 台のアドレスを書きます）',
      '「/」から後ろを消して ipv4: 10.231.0.11 のように書きます',
    ],
  ],
  'IP address with a number over 255': [
    [
      31,
      9,
      'KIBAN_INVALID_FIELD',
      'R29',
      '「IPアドレス」（ipv4）の「300」が大きすぎます（「.」で区切った数は 0〜255 です）',
      '0〜255 の数 4 つを「.」で区切って書きます。例: ipv4: 10.120.3.51',
    ],
  ],
  'IP address with three numbers': [
    [
      31,
      9,
      'KIBAN_INVALID_FIELD',
      'R29',
      '「IPアドレス」（ipv4）の数が 3 つです（「.」で区切った数を 4 つ書きます）',
      '数 4 つを半角の「.」で区切って書きます。例: ipv4: 10.120.3.51',
    ],
  ],
  'subnet without a prefix length': [
    [
      59,
      5,
      'KIBAN_INVALID_FIELD',
      'R24',
      '「サブネット」（subnet）に「/」とビット数がありません',
      '10.231.0.0/24 のように「/」とビット数を付けて書きます。例: subnet: 10.231.0.0/24',
    ],
  ],
  'date with slashes': [
    [
      47,
      5,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「承認日」（date）の書き方が違います（年-月-日 を半角の「-」で区切ります）',
      'date: "2026-11-20" のように書きます',
    ],
  ],
  'date in the Japanese era': [
    [
      47,
      5,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「承認日」（date）の書き方が違います（年-月-日 を半角の「-」で区切ります）',
      'date: "2026-11-20" のように書きます',
    ],
  ],
  'a date that does not exist': [
    [
      47,
      5,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「承認日」（date）の「2026-02-30」は存在しない日付です',
      '月と日を確かめて、"2026-11-01" のように書きます',
    ],
  ],
  'form 3 date in Japanese': [
    [
      16,
      3,
      'KIBAN_INVALID_FIELD',
      'R07',
      '「様式3（利用停止届）の提出日」（form3Date）の書き方が違います（年-月-日 を半角の「-」で区切ります）',
      'form3Date: "2026-11-01" のように書きます',
    ],
  ],
  'department written by its name': [
    [
      4,
      1,
      'KIBAN_INVALID_FIELD',
      'R01',
      '「所管部局」（department）には部局コード（英小文字）を書きます（「環境生活部」が書かれています）',
      '部局名ではなく部局コードを書きます。「環境生活部」の部局コードは kankyo です。例: department: kankyo',
    ],
  ],
  'department in capitals': [
    [
      4,
      1,
      'KIBAN_INVALID_FIELD',
      'R01',
      '「所管部局」（department）の「HOKEN」は部局コードの書き方になっていません',
      'hoken（保健福祉部）ではありませんか。登録済みの部局コード: hisho（秘書広報室）、somu（総務部）、furusato（ふるさと振興部）、kankyo（環境生活部）、hoken（保健福祉部）、shoko（商工労働観光部）、norin（農林水産部）、kendo（県土整備部）、fukko（復興防災部）',
    ],
  ],
  'department in full-width letters': [
    [
      4,
      1,
      'KIBAN_INVALID_FIELD',
      'R01',
      '「所管部局」（department）の「ｈｏｋｅｎ」は部局コードの書き方になっていません',
      'hoken（保健福祉部）ではありませんか。登録済みの部局コード: hisho（秘書広報室）、somu（総務部）、furusato（ふるさと振興部）、kankyo（環境生活部）、hoken（保健福祉部）、shoko（商工労働観光部）、norin（農林水産部）、kendo（県土整備部）、fukko（復興防災部）',
    ],
  ],
  'department misspelt': [
    [
      4,
      1,
      'R01-DepartmentRegistered',
      'R01',
      '個別業務システムの所管部局「hokenn」は統合基盤に登録されていません（知事部局のみ利用できます）',
      'hoken（保健福祉部）ではありませんか。登録済みの部局コード: hisho（秘書広報室）、somu（総務部）、furusato（ふるさと振興部）、kankyo（環境生活部）、hoken（保健福祉部）、shoko（商工労働観光部）、norin（農林水産部）、kendo（県土整備部）、fukko（復興防災部）（新しい部局は統合基盤管理者に登録を依頼してください）',
    ],
  ],
  'system id in Japanese': [
    [
      5,
      1,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「システムID」（systemId）の「国保」は書き方が正しくありません（日本語は使えません）',
      '英小文字で始まる 3〜32 文字の英小文字・数字・「-」で書きます。例: systemId: bunsho',
    ],
  ],
  'host name with an underscore': [
    [
      22,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「ホスト名」（name）の「kokuho_db01」は書き方が正しくありません（「_」は使えません）',
      '英小文字で始まる 2〜15 文字の英小文字・数字・「-」（「_」や大文字は使えません）で書きます。例: name: kokuho-db01',
    ],
  ],
  'host name with capitals': [
    [
      22,
      5,
      'KIBAN_INVALID_FIELD',
      'R27',
      '「ホスト名」（name）の「KokuhoDB01」は書き方が正しくありません（大文字が使われています）',
      '英小文字で始まる 2〜15 文字の英小文字・数字・「-」（「_」や大文字は使えません）で書きます。例: name: kokuhodb01',
    ],
  ],
  'network in capitals': [
    [
      30,
      9,
      'KIBAN_INVALID_FIELD',
      'R24',
      '「ネットワーク」（network）の「LGWAN」というネットワークはありません',
      'lgwan（庁内ネットワーク（LGWAN接続系））ではありませんか（大文字・小文字も区別します）。書けるもの: internet（庁内ネットワーク（インターネット接続系））、lgwan（庁内ネットワーク（LGWAN接続系））、myNumber（庁内ネットワーク（個人番号利用事務系））、dmz（インターネット公開ネットワーク（DMZ））、または専用ネットワーク名（例: mynumber-kokuho。一覧は docs/codes.md）',
    ],
  ],
  'network misspelt': [
    [
      30,
      9,
      'KIBAN_UNKNOWN_NETWORK',
      'R24',
      'ネットワーク「lgwn」はありません（標準ネットワークでも、宣言済みの専用ネットワークでもありません）',
      'lgwan（庁内ネットワーク（LGWAN接続系））ではありませんか（大文字・小文字も区別します）。書けるもの: internet（庁内ネットワーク（インターネット接続系））、lgwan（庁内ネットワーク（LGWAN接続系））、myNumber（庁内ネットワーク（個人番号利用事務系））、dmz（インターネット公開ネットワーク（DMZ））、または専用ネットワーク名（例: mynumber-kokuho。一覧は docs/codes.md）',
    ],
  ],
  'guest OS as its product name': [
    [
      32,
      5,
      'KIBAN_UNKNOWN_GUEST_OS',
      'R22',
      'ゲストOS「RHEL7」はゲストOSカタログにありません',
      'rhel_7（Red Hat Enterprise Linux 7）ではありませんか（全キーの一覧は docs/codes.md）',
    ],
  ],
  'guest OS misspelt': [
    [
      25,
      5,
      'KIBAN_UNKNOWN_GUEST_OS',
      'R22',
      'ゲストOS「windows2019」はゲストOSカタログにありません',
      'ゲストOSカタログのキーを書きます。近いもの: windows_server_2019（Windows Server 2019）、windows_server_2012（Windows Server 2012）、windows_server_2016（Windows Server 2016）（全キーの一覧は docs/codes.md）',
    ],
  ],
  'template that does not exist': [
    [
      35,
      7,
      'KIBAN_UNKNOWN_TEMPLATE',
      'R06',
      '統合基盤（VMware vSphere）にOSテンプレート「rhel8」はありません',
      'rhel7 ではありませんか。書けるテンプレート: rhel7（ゲストOS rhel_7）、ws2016（ゲストOS windows_server_2016）、ws2019（ゲストOS windows_server_2019）',
    ],
  ],
  'template on the wrong hypervisor': [
    [
      28,
      7,
      'KIBAN_UNKNOWN_TEMPLATE',
      'R06',
      '統合基盤（Hyper-V）にOSテンプレート「rhel7」はありません',
      '次のテンプレートから選んで書きます: ws2016（ゲストOS windows_server_2016）、ws2019（ゲストOS windows_server_2019）',
    ],
  ],
  'hypervisor as the product name': [
    [
      19,
      1,
      'KIBAN_INVALID_FIELD',
      'R21',
      '「仮想化ソフト」（hypervisor）に「VMware」は使えません（vsphere ではありませんか）',
      '次のどれかを書きます: vsphere（VMware vSphere）、hyperv（Hyper-V（Oracle Database はこちら））。例: hypervisor: vsphere',
    ],
  ],
  'hypervisor with a hyphen': [
    [
      12,
      1,
      'KIBAN_INVALID_FIELD',
      'R21',
      '「仮想化ソフト」（hypervisor）に「Hyper-V」は使えません（hyperv ではありませんか）',
      '次のどれかを書きます: vsphere（VMware vSphere）、hyperv（Hyper-V（Oracle Database はこちら））。例: hypervisor: hyperv',
    ],
  ],
  'phase in Japanese': [
    [
      20,
      1,
      'KIBAN_INVALID_FIELD',
      'R36',
      '「工程」（phase）に「本番稼働」は使えません（production ではありませんか）',
      '次のどれかを書きます: study（検討）、procurement（調達）、application（申請）、virtualization（仮想化作業）、verification（動作確認）、cutover（本番切替）、production（本番稼働）、decommissioned（利用停止）。例: phase: production',
    ],
  ],
  'phase capitalised': [
    [
      20,
      1,
      'KIBAN_INVALID_FIELD',
      'R36',
      '「工程」（phase）に「Production」は使えません（production ではありませんか）',
      '次のどれかを書きます: study（検討）、procurement（調達）、application（申請）、virtualization（仮想化作業）、verification（動作確認）、cutover（本番切替）、production（本番稼働）、decommissioned（利用停止）。例: phase: production',
    ],
  ],
  'source kind misspelt': [
    [
      34,
      7,
      'KIBAN_INVALID_FIELD',
      'R20',
      '「構築・移行方法の種類」（kind）に「tmpl」は使えません',
      '次のどれかを書きます: empty（空の仮想マシンを作り、ISOからOSを入れる）、template（OSテンプレートから構築）、clone（既存の仮想マシンを複製（vSphereのみ））、ovf（OVFテンプレートで移行（vSphereのみ））、vmdk（VMDKで移行（vSphereのみ））、hyperv-export（Hyper-Vのエクスポートで移行（Hyper-Vのみ））。例: kind: template',
    ],
  ],
  'source kind missing': [
    [
      33,
      5,
      'KIBAN_INVALID_FIELD',
      'R20',
      '「構築・移行方法の種類」（kind）が書かれていません',
      '次のどれかを書きます: empty（空の仮想マシンを作り、ISOからOSを入れる）、template（OSテンプレートから構築）、clone（既存の仮想マシンを複製（vSphereのみ））、ovf（OVFテンプレートで移行（vSphereのみ））、vmdk（VMDKで移行（vSphereのみ））、hyperv-export（Hyper-Vのエクスポートで移行（Hyper-Vのみ））。例: kind: template',
    ],
  ],
  'Oracle edition shortened': [
    [
      30,
      7,
      'KIBAN_INVALID_FIELD',
      'R05',
      '「Oracle Database のエディション」（edition）に「SE」は使えません（SE2 ではありませんか）',
      '次のどれかを書きます: SE2（Standard Edition 2）、EE（Enterprise Edition）、XE（Express Edition）。例: edition: SE2',
    ],
  ],
  'zone misspelt': [
    [
      61,
      5,
      'KIBAN_INVALID_FIELD',
      'R24',
      '「ネットワークの区分（ゾーン）」（zone）に「mynumber」は使えません（myNumber ではありませんか）',
      '次のどれかを書きます: internet（インターネット接続系）、lgwan（LGWAN接続系）、myNumber（個人番号利用事務系）、dmz（DMZ（インターネット公開））、dedicated（専用（どの系とも分離））。例: zone: myNumber',
    ],
  ],
  'IP administrator in Japanese': [
    [
      64,
      7,
      'KIBAN_INVALID_FIELD',
      'R29',
      '「IPアドレス管理者の区分」（party）に「所管課」は使えません（department ではありませんか）',
      '次のどれかを書きます: department（所管課）、network-admin（ネットワーク管理者）。例: party: department',
    ],
  ],
  'Hyper-V generation 3': [
    [
      36,
      7,
      'KIBAN_INVALID_FIELD',
      'R21',
      '「Hyper-V の世代」（generation）に「3」は使えません',
      '次のどれかを書きます: 1（第1世代）、2（第2世代（通常はこちら））。例: generation: 2',
    ],
  ],
  'yes in Japanese': [
    [
      41,
      3,
      'KIBAN_INVALID_FIELD',
      'R10',
      '「OSイメージバックアップ」（osImage）は true か false で書きます（「はい」は使えません）',
      'osImage: true のように、引用符を付けずに書きます（true は「希望する」、false は「希望しない（理由が必要）」）',
    ],
  ],
  'true in quotes': [
    [
      42,
      3,
      'KIBAN_INVALID_FIELD',
      'R10b',
      '「バックアップ復旧テスト」（restoreTest）の true が引用符（" や \'）で囲まれています',
      '引用符を外して restoreTest: true と書きます（true は「希望する」、false は「希望しない」）',
    ],
  ],
  'phone number without hyphens': [
    [
      11,
      5,
      'KIBAN_INVALID_FIELD',
      'R08',
      '「連絡先の電話番号」（phone）が文字として読み取れません（数字だけなので数として読まれ、先頭の 0 が消えています（196295201））',
      '電話番号は 019-629-5101 のように「-」で区切るか、値を引用符で囲んで phone: "196295201" のように書きます',
    ],
  ],
  'e-mail with a full-width @': [
    [
      12,
      5,
      'KIBAN_INVALID_FIELD',
      'R08',
      '「連絡先のメールアドレス」（email）に全角の文字「＠」が使われています',
      '半角で書きます。例: email: staff-5201@pref.example.jp',
    ],
  ],
  'e-mail without @': [
    [
      12,
      5,
      'KIBAN_INVALID_FIELD',
      'R08',
      '「連絡先のメールアドレス」（email）に「@」がありません',
      '名前@ドメイン の形で、半角で書きます。例: email: staff-5101@pref.example.jp',
    ],
  ],
  'system name far too long': [
    [
      6,
      1,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「システム名」（systemName）が長すぎます（120 文字。80 文字まで）',
      '80 文字以内に縮めて書きます',
    ],
  ],
  'acknowledgement reason too short': [
    [
      45,
      5,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「承認の理由」（reasonJa）が短すぎます（10 文字以上書きます）',
      '理由がわかるように 10 文字以上で書きます',
    ],
  ],
  'description with a line break': [
    [
      7,
      1,
      'KIBAN_INVALID_FIELD',
      'R03',
      '「概要」（descriptionJa）に改行やタブなどの特殊な文字が入っています',
      '1 行で書きます（長い文も改行せずに続けて書きます）',
    ],
  ],
  'parent key misspelt': [
    [
      7,
      1,
      'KIBAN_UNKNOWN_KEY',
      'SCHEMA',
      '「contcts」という項目はありません。「contacts」（連絡先）の綴りの誤りではありませんか（「contacts」は必須項目です）',
      '「contcts」を「contacts」に直します',
    ],
  ],
  'key with a capital letter': [
    [
      25,
      5,
      'KIBAN_UNKNOWN_KEY',
      'R27',
      '「memoryGB」という項目はありません。「memoryGb」（メモリ容量（GB））の綴りの誤りではありませんか（「memoryGb」は必須項目です）',
      '「memoryGB」を「memoryGb」に直します',
    ],
  ],
  'key written in Japanese': [
    [
      25,
      5,
      'KIBAN_UNKNOWN_KEY',
      'R27',
      '「メモリ容量」という項目はありません。「memoryGb」（メモリ容量（GB））の綴りの誤りではありませんか（「memoryGb」は必須項目です）',
      '「メモリ容量」を「memoryGb」に直します',
    ],
  ],
  'key that does not exist': [
    [
      24,
      5,
      'KIBAN_UNKNOWN_KEY',
      'R27',
      '仮想サーバの中に「comment」という項目はありません',
      '綴りを確かめるか、この行を消します。ここに書ける項目: name、roleJa、cpu、memoryGb、disks、nics、guestOs、source、osLicense、oracleDatabase、vmwareTools、backupVolume、snapshots、devices、hyperv、decommissioned',
    ],
  ],
  'required key missing': [
    [
      22,
      5,
      'KIBAN_MISSING_FIELD',
      'R27',
      '必須項目「メモリ容量（GB）」（memoryGb）が書かれていません',
      '22 行目の「name」と同じ並び（5 文字目から）に、memoryGb: 16 のように書き足します',
    ],
  ],
  'e-mail of the contact missing': [
    [
      8,
      3,
      'KIBAN_MISSING_FIELD',
      'R08',
      '必須項目「連絡先のメールアドレス」（email）が書かれていません',
      '9 行目の「nameJa」と同じ並び（5 文字目から）に、email: staff-5101@pref.example.jp のように書き足します',
    ],
  ],
  'backup volume size not indented': [
    [
      39,
      5,
      'KIBAN_INDENTATION',
      'R10a',
      '「sizeGb」の字下げが足りません。「sizeGb」は 38 行目の「backupVolume:」の中に書く項目です',
      '「sizeGb」は「backupVolume:」の下に 2 文字下げて書きます（「backupVolume」が 5 文字目なので、7 文字目から）',
    ],
  ],
  'cores per socket not indented': [
    [
      26,
      5,
      'KIBAN_INDENTATION',
      'R27',
      '「coresPerSocket」の字下げが足りません。「coresPerSocket」は 24 行目の「cpu:」の中に書く項目です',
      '「coresPerSocket」は「cpu:」の下に 2 文字下げて書きます（「cpu」が 5 文字目なので、7 文字目から）',
    ],
  ],
  'memory indented into the cpu block': [
    [
      27,
      7,
      'KIBAN_INDENTATION',
      'R27',
      '「memoryGb」の字下げが多すぎます。「memoryGb」は 24 行目の「cpu:」の中の項目ではありません',
      '「memoryGb」は「cpu」と同じ 5 文字目から書きます',
    ],
  ],
  'a key one column too far': [
    [
      23,
      6,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「roleJa」の字下げが多すぎます（6 文字目から始まっています）',
      '上の行の「name」と同じ 5 文字目から書きます（行頭に半角スペース 4 つ）',
    ],
  ],
  'a key one column short': [
    [
      25,
      4,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「memoryGb」の字下げがずれています（4 文字目から始まっています）',
      '同じ並びの「cpu」（24 行目）と同じ 5 文字目から書きます（行頭に半角スペース 4 つ）',
    ],
  ],
  'a top-level key indented': [
    [
      6,
      3,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「systemName」の字下げが多すぎます（3 文字目から始まっています）',
      '上の行の「systemId」と同じ 1 文字目から書きます（行頭から（空白なし））',
    ],
  ],
  'a block not indented under its key': [
    [
      8,
      1,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「primary」の字下げが足りません。7 行目の「contacts:」の中に書く項目です',
      '「contacts:」の下の行を、「contacts」より 2 文字下げて書きます（3 文字目から）',
    ],
  ],
  'a list item out of line': [
    [
      28,
      9,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「- 」の字下げがずれています（9 文字目から始まっています）',
      '上の「- 」の行（27 行目）と同じ 7 文字目から書きます（行頭に半角スペース 6 つ）',
    ],
  ],
  'a key of a list item at the dash': [
    [
      32,
      7,
      'KIBAN_YAML_INDENT',
      'SCHEMA',
      '「fqdn」の字下げがずれています（「- 」の行と同じ位置にあります）',
      '「- 」のあとの項目と同じ位置（9 文字目）まで下げて書きます',
    ],
  ],
  'a tab for indentation': [
    [
      41,
      1,
      'KIBAN_YAML_TAB',
      'SCHEMA',
      '字下げにタブ文字が使われています（タブは使えません）',
      'タブを消して半角スペースで字下げします（1 段につき半角スペース 2 つ。上下の行と位置をそろえます）',
    ],
  ],
  'two tabs on two lines': [
    [
      25,
      1,
      'KIBAN_YAML_TAB',
      'SCHEMA',
      '字下げにタブ文字が使われています（タブは使えません）',
      'タブを消して半角スペースで字下げします（1 段につき半角スペース 2 つ。上下の行と位置をそろえます）',
    ],
    [
      32,
      1,
      'KIBAN_YAML_TAB',
      'SCHEMA',
      '字下げにタブ文字が使われています（タブは使えません）',
      'タブを消して半角スペースで字下げします（1 段につき半角スペース 2 つ。上下の行と位置をそろえます）',
    ],
  ],
  'full-width spaces for indentation': [
    [
      25,
      1,
      'KIBAN_YAML_WIDE_SPACE',
      'SCHEMA',
      '字下げに全角スペースが使われています',
      '全角スペースを消して半角スペースで字下げします（全角スペース 1 つは半角スペース 2 つにします）',
    ],
  ],
  'no space after the colon': [
    [
      25,
      14,
      'KIBAN_YAML_COLON',
      'SCHEMA',
      '「:」のあとに半角スペースがありません',
      '「:」のあとに半角スペースを 1 つ入れます（例: memoryGb: 32）',
    ],
  ],
  'no colon': [
    [
      25,
      5,
      'KIBAN_YAML_COLON',
      'SCHEMA',
      '「: 」（コロンと半角スペース）がありません',
      '項目名のあとに「: 」を書きます（例: memoryGb: 32）',
    ],
  ],
  'full-width colon': [
    [
      25,
      13,
      'KIBAN_YAML_COLON',
      'SCHEMA',
      '全角のコロン「：」が使われています',
      '半角の「:」と半角スペースに直します（例: memoryGb: 32）',
    ],
  ],
  'no space after the dash': [
    [
      27,
      7,
      'KIBAN_YAML_DASH',
      'SCHEMA',
      '「-」のあとに半角スペースがありません',
      '「-」と項目名の間に半角スペースを 1 つ入れます（例: - sizeGb: 80）',
    ],
  ],
  'quote not closed': [
    [
      47,
      11,
      'KIBAN_YAML_QUOTE',
      'SCHEMA',
      '引用符（"）が閉じていません',
      '値の最後にも " を書きます（例: date: "2026-11-20"）',
    ],
  ],
  'brace not closed': [
    [24, 10, 'KIBAN_YAML_BRACKET', 'SCHEMA', '「{」に対応する「}」がありません', '同じ行の最後に「}」を書きます'],
  ],
  'colon and space inside a value': [
    [
      6,
      13,
      'KIBAN_YAML_COLON',
      'SCHEMA',
      '値の中に「: 」（コロンと空白）があります',
      '値全体を引用符で囲みます（例: systemName: "国保: 事務システム"）。または全角の「：」を使います',
    ],
  ],
  'value starting with @': [
    [
      13,
      13,
      'KIBAN_YAML_QUOTE',
      'SCHEMA',
      '値が「@」で始まっています（このままでは読み取れません）',
      '値全体を引用符で囲みます（例: phone2: "@x"）',
    ],
  ],
  'the same key twice': [
    [
      42,
      3,
      'KIBAN_YAML_DUPLICATE_KEY',
      'SCHEMA',
      '「osImage」が同じ場所に 2 回書かれています（41 行目と 42 行目）',
      'どちらか一方の行を消します（41 行目は「true」、42 行目は「false」）',
    ],
  ],
  'department twice': [
    [
      6,
      1,
      'KIBAN_YAML_DUPLICATE_KEY',
      'SCHEMA',
      '「department」が同じ場所に 2 回書かれています（4 行目と 6 行目）',
      'どちらか一方の行を消します（4 行目は「hoken」、6 行目は「kankyo」）',
    ],
  ],
};

describe('mistakes of department staff (issue 15)', () => {
  test('the table holds at least 40 realistic mistakes, each with its expected messages', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(EXPECTED).sort()).toEqual(MISTAKES.map((m) => m.name).sort());
    expect(new Set(MISTAKES.map((m) => m.name)).size).toBe(MISTAKES.length);
  });

  test.each(MISTAKES.map((m) => [m.name, m] as const))('%s', (name, m) => {
    const r = check(m);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.ruleId, e.messageJa, e.fixJa])).toEqual(EXPECTED[name]);
    for (const e of r.errors) {
      expect(e.file).toBe(mistaken(m).path);
      expect(e.received.length).toBeLessThanOrEqual(120);
      const [, , ja, todo] = formatIntakeIssue(e).split('\n');
      expect(ja).toContain(`${e.line} 行目 ${e.column} 文字目`);
      // no programming words, and no English sentence of the YAML parser, in the Japanese lines
      for (const line of [ja!, todo!, e.messageJa, e.fixJa]) {
        expect(line).not.toMatch(JARGON);
        expect(line).not.toMatch(/(are not allowed|must be|expected|Invalid|Nested|Implicit|Missing)/);
      }
    }
  });

  test("the syntax errors keep the YAML parser's English in the English line only", () => {
    const tab = check(MISTAKES.find((m) => m.name === 'a tab for indentation')!);
    expect(tab.errors).toHaveLength(1);
    expect(tab.errors[0]!.message).toMatch(/\(YAML: Tabs are not allowed as indentation\)/);
    expect(formatIntakeIssue(tab.errors[0]!).split('\n')[2]).not.toMatch(/Tabs/);
  });

  test('a misspelt parent key does not dump its subtree', () => {
    const r = check(MISTAKES.find((m) => m.name === 'parent key misspelt')!);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.received).toBe('{contcts: {…}}');
    expect(formatIntakeIssue(r.errors[0]!)).not.toMatch(/北上|019-629/);
  });

  test('long values are cut', () => {
    const r = check(MISTAKES.find((m) => m.name === 'system name far too long')!);
    expect(r.errors[0]!.received).toMatch(/…"$/);
    expect([...r.errors[0]!.received].length).toBeLessThanOrEqual(83);
  });
});
