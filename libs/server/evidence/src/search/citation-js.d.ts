// Types for citation-js, which ships JavaScript only. Only what citation.ts uses is declared.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibliography', options: { template: string; lang: string; format?: 'text' | 'html' }): string;
    format(format: 'bibtex', options?: { format?: 'text' }): string;
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
