/** Shared pieces of the TypeScript twins (same data as the YAML of examples/estate/systems/). */
export const R22_ESXI65 = {
  ruleId: 'R22',
  reasonJa: 'ESXi 6.5 での本ゲストOSのサポートはVMware互換性ガイドで未確認。統合基盤で稼働実績があり、統合基盤管理者が確認した。',
  approvedBy: '科学・情報政策室 統合基盤担当',
  date: '2026-11-20',
} as const;

export const contact = (nameJa: string, sectionJa: string, ext: string) => ({
  nameJa,
  sectionJa,
  phone: `019-629-${ext}`,
  email: `staff-${ext}@pref.example.jp`,
});
