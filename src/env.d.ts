declare namespace App {
  interface Locals {
    /** Per page: the inline CSS its components write (trustStyle in src/lib/csp.ts). */
    inlineStyles?: import('./lib/csp').InlineStyles;
    /** Per page: the chart SVGs already placed, so a repeated one gets ids of its own (Flowchart.astro). */
    placedCharts?: Set<string>;
  }
}
