/** The part of citeproc-js (npm "citeproc") that zgc uses; the package ships no types. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string | object | undefined;
    retrieveItem(id: string): object;
  }
  interface BibliographyMeta {
    bibstart: string;
    bibend: string;
    entry_ids: string[][];
  }
  interface Engine {
    opt: { development_extensions: Record<string, boolean> };
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyMeta, string[]] | false;
    /** One citation (a note, for a note style) of the items, as if cited for the first time. */
    makeCitationCluster(items: { id: string }[]): string;
  }
  type Formatter = string | boolean | ((this: unknown, state: unknown, str?: string) => string);
  const CSL: {
    Engine: new (sys: Sys, style: string | object, lang?: string, forceLang?: boolean) => Engine;
    Output: { Formats: Record<string, Record<string, Formatter | string | ((text: string) => string)>> };
  };
  export default CSL;
}
