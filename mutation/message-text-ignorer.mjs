// A Stryker ignorer: mutants of message and label text are not counted (issue 19).
// The text of findings, fixes and review lines is for people; a test asserting every word would
// freeze the wording, not guard behaviour. Everything else in the file is mutated.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

/** Object properties whose value is text for people (findings, rule docs, labels, review lines). */
const TEXT_KEYS = new Set([
  'message',
  'messageJa',
  'fix',
  'fixJa',
  'summary',
  'why',
  'whyJa',
  'notAcknowledgeableWhy',
  'notAcknowledgeableWhyJa',
  'label',
  'labelJa',
  'en',
  'ja',
  'detail',
]);
/** Japanese script (kana, CJK, full-width forms): a literal holding it is text for people. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

const keyName = (k) => (k?.type === 'Identifier' ? k.name : k?.type === 'StringLiteral' ? k.value : undefined);
const calleeName = (c) =>
  c?.type === 'MemberExpression' && c.property.type === 'Identifier' ? c.property.name : undefined;
const literalText = (n) =>
  n.type === 'StringLiteral'
    ? n.value
    : n.type === 'TemplateLiteral'
      ? n.quasis.map((q) => q.value.cooked ?? '').join('')
      : undefined;

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      const parent = path.parentPath;
      if (parent?.isObjectProperty() && path.key === 'value' && TEXT_KEYS.has(keyName(parent.node.key))) {
        return `message text: the value of "${keyName(parent.node.key)}"`;
      }
      if (parent?.isCallExpression() && path.listKey === 'arguments') {
        const callee = parent.node.callee;
        // Collector.add(systemId, op, object, target, detail, destroysData): the detail (index 4) is text.
        if (calleeName(callee) === 'add' && path.key === 4 && parent.node.arguments.length >= 5)
          return 'message text: the detail of a change';
        // errors.push(`…`): the text of an error line (that an error is pushed is still mutated).
        if (
          calleeName(callee) === 'push' &&
          callee.object.type === 'MemberExpression' &&
          keyName(callee.object.property) === 'errors'
        )
          return 'message text: an error line';
        if (calleeName(callee) === 'push' && callee.object.type === 'Identifier' && callee.object.name === 'errors')
          return 'message text: an error line';
      }
      const text = literalText(path.node);
      if (text !== undefined && JAPANESE.test(text)) return 'message text: a Japanese label or sentence';
      return undefined;
    },
  }),
];
