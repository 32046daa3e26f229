/**
 * The container's representation preferences (Web Annotation Protocol 4.2.1), read from the
 * `Prefer` header of RFC 7240 as LDP uses it:
 *   Prefer: return=representation; include="http://www.w3.org/ns/ldp#PreferMinimalContainer http://www.w3.org/ns/oa#PreferContainedIRIs"
 * Only the minimal container and IRIs-or-descriptions matter here; a request naming both
 * PreferContainedIRIs and PreferContainedDescriptions (which the protocol forbids clients to
 * send) gets the default, full descriptions. Pure.
 */
export const PREFER_MINIMAL_CONTAINER = 'http://www.w3.org/ns/ldp#PreferMinimalContainer';
export const PREFER_CONTAINED_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const PREFER_CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';

export type ContainerPreference = {
  /** Only the container's description: its pages linked, none embedded. */
  minimal: boolean;
  /** Pages list the annotations' IRIs rather than the annotations. */
  iris: boolean;
  /** Whether the client asked for any of these, so that the answer says it honoured them. */
  asked: boolean;
};

const NONE: ContainerPreference = { minimal: false, iris: false, asked: false };

/** The IRIs in `include="..."` of a `return=representation` preference, if there is one. */
function includedIris(header: string): string[] | null {
  for (const preference of header.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const [head = '', ...parameters] = preference.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((part) => part.trim());
    if (head.replace(/\s+/g, '').toLowerCase() !== 'return=representation') continue;
    const include = parameters.find((parameter) => /^include\s*=/i.test(parameter));
    if (!include) return [];
    return include
      .replace(/^include\s*=\s*/i, '')
      .replace(/^"|"$/g, '')
      .split(/\s+/)
      .filter((iri) => iri !== '');
  }
  return null;
}

export function containerPreference(header: string | null): ContainerPreference {
  if (header === null) return NONE;
  const included = includedIris(header);
  if (included === null) return NONE;
  const minimal = included.includes(PREFER_MINIMAL_CONTAINER);
  const iris = included.includes(PREFER_CONTAINED_IRIS);
  const descriptions = included.includes(PREFER_CONTAINED_DESCRIPTIONS);
  if (iris && descriptions) return { ...NONE, minimal, asked: minimal };
  return { minimal, iris, asked: minimal || iris || descriptions };
}
