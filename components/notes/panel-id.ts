/** The notes panel's element id, shared by the toolbar button (always there) and the panel (loaded later). */
export const NOTES_PANEL_ID = 'notes-panel';
