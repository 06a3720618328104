declare namespace App {
  interface Locals {
    /** Rich-text images rendered so far on this page: the first loads eagerly (RichText.astro). */
    richTextImages?: number;
  }
}
