declare namespace App {
  interface Locals {
    /** Per page: hashes of the inline CSS its components write (trustStyle in src/lib/csp.ts). */
    trustedStyleHashes?: Set<string>;
  }
}
