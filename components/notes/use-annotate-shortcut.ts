/**
 * The notes layer's key: `a` annotates the selection (when the key reaches the page: see
 * isShortcutKey). Shift+arrow keys select word by word on the word layer (word-help.tsx).
 */
import { useEffect } from 'react';
import { isShortcutKey } from '@/components/reading/keyboard';

export function useAnnotateShortcut(startNote: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'a' && isShortcutKey(event) && !document.getSelection()?.isCollapsed) {
        event.preventDefault();
        startNote();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNote]);
}
