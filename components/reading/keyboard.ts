/** Whether a key press is meant for the reading shortcuts, not for a field or the browser. */
export function isShortcutKey(event: KeyboardEvent): boolean {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  return !event.defaultPrevented && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
}
