/** The part of @json-editor/json-editor (no type declarations shipped) the page uses. */
declare module '@json-editor/json-editor' {
  export const JSONEditor: unknown;
}
