import { SourceSettingsForm } from './SourceSettingsForm.tsx';

/** Renders the Settings screen, one section per catalog source. */
export function SettingsView() {
  return (
    <section className="panel settings-panel" aria-labelledby="settings-title">
      <header className="panel-head">
        <h2 id="settings-title">Amazon Music</h2>
      </header>
      <SourceSettingsForm source="amazon" />
    </section>
  );
}
