declare namespace App {
  interface Locals {
    /** Per page: the inline CSS its components write (trustStyle in src/lib/csp.ts). */
    inlineStyles?: import('./lib/csp').InlineStyles;
  }
}
