/** Which language a reader wrote in, when they did not say. Pure and client-safe. */

/** The languages the site tells apart in what readers write. */
export type WrittenLang = 'zh' | 'en';

/** Chinese when a fair share of the letters are Han characters; English otherwise. */
export function detectLang(text: string): WrittenLang {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return han > 0 && han >= latin * 0.5 ? 'zh' : 'en';
}
