/**
 * The one function through which declared text reaches a Terraform string: `${` and `%{` start
 * interpolation and template directives in Terraform, so they are escaped to `$${` and `%%{`.
 */
export function tfString(value: string): string {
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
