import type { EntityType } from '../../shared/entities.ts';
import { ENTITY_TYPES } from '../../shared/entities.ts';
import { ENTITY_LABELS } from '../format.ts';

interface PinControlProps {
  pinned: EntityType | null;
  disabled: boolean;
  onPin(entityType: EntityType | null): void;
}

/** Radio buttons that choose which entity type the queue works on first. */
export function PinControl({ pinned, disabled, onPin }: PinControlProps) {
  const options: { value: EntityType | null; label: string }[] = [
    { value: null, label: 'No preference' },
    ...ENTITY_TYPES.map((type) => ({ value: type, label: ENTITY_LABELS[type].many })),
  ];

  return (
    <fieldset className="pin-control" disabled={disabled}>
      <legend>Match first</legend>
      {options.map((option) => (
        <label key={option.label} className="radio">
          <input type="radio" name="pinned-entity-type" checked={pinned === option.value} onChange={() => onPin(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
