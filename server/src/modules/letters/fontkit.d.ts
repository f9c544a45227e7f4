// fontkit ships no type definitions; this declares the small part the letter renderer uses
// (glyph coverage and vertical metrics). pdfkit embeds and shapes with its own fontkit instance.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
