import { create } from 'zustand';

import type { SourceId } from '../../shared/entities.ts';
import type { SourceSettingsView } from '../../shared/ipc-contract.ts';
import { errorMessage, linerApi } from '../liner-api.ts';
import { changedFields, type DraftEdits, type DraftField } from '../settings/source-settings-draft.ts';

interface SettingsState {
  /** The saved settings of each source, as main last returned them. */
  views: Partial<Record<SourceId, SourceSettingsView>>;
  loadErrors: Partial<Record<SourceId, string>>;
  /**
   * The text the user typed and has not saved, by source. It is kept here rather
   * than in the form, so leaving the Settings screen does not lose it.
   */
  edits: Partial<Record<SourceId, DraftEdits>>;
  /** Fetches the saved settings; fields the user did not edit then show the fresh values. */
  load(source: SourceId): Promise<void>;
  setView(source: SourceId, view: SourceSettingsView): void;
  edit(source: SourceId, field: DraftField, value: string): void;
  /** Drops the edits of `fields`, such as after they were saved. */
  discard(source: SourceId, fields: readonly DraftField[]): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  views: {},
  loadErrors: {},
  edits: {},

  async load(source) {
    try {
      const view = await linerApi().getSourceSettings(source);
      set((state) => ({ views: { ...state.views, [source]: view }, loadErrors: { ...state.loadErrors, [source]: undefined } }));
    } catch (error) {
      set((state) => ({ loadErrors: { ...state.loadErrors, [source]: errorMessage(error) } }));
    }
  },

  setView(source, view) {
    set((state) => ({ views: { ...state.views, [source]: view } }));
  },

  edit(source, field, value) {
    set((state) => ({ edits: { ...state.edits, [source]: { ...state.edits[source], [field]: value } } }));
  },

  discard(source, fields) {
    set((state) => {
      const kept: DraftEdits = { ...state.edits[source] };
      for (const field of fields) delete kept[field];
      return { edits: { ...state.edits, [source]: kept } };
    });
  },
}));

/** Returns true when any source has an edit that differs from its saved value. */
export function selectHasUnsavedEdits(state: SettingsState): boolean {
  return Object.entries(state.edits).some(([source, edits]) => {
    const view = state.views[source as SourceId];
    if (!edits) return false;
    return view ? changedFields(view, edits).length > 0 : Object.keys(edits).length > 0;
  });
}
