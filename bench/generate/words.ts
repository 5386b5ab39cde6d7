/**
 * Word lists the synthetic library composes its names from. A few entries
 * carry diacritics, as real tags do. No entry contains a character that is
 * invalid in a file name.
 */

export const FIRST_NAMES = [
  'Ada', 'Amara', 'Anton', 'Astrid', 'Beatriz', 'Ben', 'Bo', 'Camille', 'Carmen', 'Chidi', 'Clara', 'Dario',
  'Delia', 'Eero', 'Elif', 'Elliot', 'Esmé', 'Farah', 'Felix', 'Freya', 'Gus', 'Hana', 'Harriet', 'Idris',
  'Ines', 'Isaac', 'Jonah', 'José', 'Juno', 'Kai', 'Keiko', 'Lars', 'Leila', 'Lena', 'Lionel', 'Lucía',
  'Mabel', 'Malik', 'Marta', 'Mateo', 'Maya', 'Milo', 'Nadia', 'Nico', 'Nina', 'Noor', 'Odette', 'Omar',
  'Otis', 'Pia', 'Priya', 'Quinn', 'Rafael', 'Rosa', 'Ruben', 'Sade', 'Sami', 'Søren', 'Stella', 'Tariq',
  'Tess', 'Theo', 'Uma', 'Vera', 'Viktor', 'Wanda', 'Wes', 'Yara', 'Yusuf', 'Zoë', 'Arlo', 'Bianca',
  'Cyrus', 'Dagny', 'Emil', 'Greta', 'Hugo', 'Ivy', 'Jasper', 'Kofi',
] as const;

export const LAST_NAMES = [
  'Abara', 'Alvarez', 'Andersson', 'Baker', 'Bellamy', 'Brandt', 'Castillo', 'Chen', 'Costa', 'Dahl', 'Delacroix',
  'Dube', 'Eriksen', 'Faulkner', 'Fischer', 'Gallo', 'García', 'Grant', 'Haas', 'Hale', 'Ibarra', 'Ito', 'Jensen',
  'Kaur', 'Keller', 'Kowalski', 'Lambert', 'Lindqvist', 'Lopes', 'Mahler', 'Marsh', 'Mensah', 'Moreau', 'Müller',
  'Nakamura', 'Novak', 'Nyström', 'Okafor', 'Olsen', 'Ortega', 'Park', 'Pereira', 'Quint', 'Reyes', 'Rossi',
  'Sato', 'Schmidt', 'Silva', 'Sørensen', 'Stone', 'Tanaka', 'Thorne', 'Ueda', 'Vance', 'Varga', 'Vidal', 'Walsh',
  'Weber', 'Whitlock', 'Wright', 'Yilmaz', 'Young', 'Zamora', 'Zhou', 'Byrne', 'Coyle', 'Dunmore', 'Ekwueme',
  'Fontaine', 'Greer', 'Holm', 'Iversen', 'Jaramillo', 'Kerr', 'Lund', 'Marlowe', 'Navarro', 'Oyelaran', 'Pike',
  'Rourke',
] as const;

export const ADJECTIVES = [
  'Amber', 'Ancient', 'Bitter', 'Black', 'Blue', 'Bright', 'Broken', 'Burning', 'Calm', 'Crimson', 'Crystal',
  'Dark', 'Distant', 'Dreaming', 'Electric', 'Empty', 'Endless', 'Faded', 'Falling', 'First', 'Frozen', 'Gentle',
  'Golden', 'Green', 'Hidden', 'Hollow', 'Honest', 'Iron', 'Last', 'Lonely', 'Lost', 'Loud', 'Lucky', 'Midnight',
  'Mountain', 'Neon', 'New', 'Northern', 'Old', 'Open', 'Pale', 'Paper', 'Quiet', 'Radiant', 'Red', 'Restless',
  'Rusty', 'Sacred', 'Savage', 'Secret', 'Silent', 'Silver', 'Slow', 'Small', 'Soft', 'Southern', 'Static',
  'Strange', 'Summer', 'Sweet', 'Tender', 'Velvet', 'Violet', 'Wandering', 'Warm', 'Western', 'White', 'Wild',
  'Winter', 'Wooden', 'Young', 'Hazy', 'Humble', 'Magnetic', 'Painted', 'Shallow', 'Shining', 'Stolen', 'Sunken',
  'Twin',
] as const;

export const NOUNS = [
  'Anchor', 'Angel', 'Arrow', 'Autumn', 'Bird', 'Bloom', 'Bone', 'Bridge', 'Candle', 'Canyon', 'Cathedral',
  'Chorus', 'City', 'Cloud', 'Coast', 'Comet', 'Crown', 'Dancer', 'Dawn', 'Desert', 'Door', 'Dream', 'Echo',
  'Ember', 'Engine', 'Feather', 'Field', 'Fire', 'Flower', 'Forest', 'Fountain', 'Garden', 'Ghost', 'Glass',
  'Harbor', 'Heart', 'Highway', 'Horizon', 'Island', 'Ivory', 'Jewel', 'Key', 'Kingdom', 'Ladder', 'Lake',
  'Lantern', 'Letter', 'Light', 'Lion', 'Machine', 'Mirror', 'Moon', 'Mountain', 'Ocean', 'Orchard', 'Palace',
  'Parade', 'Pilot', 'Planet', 'Prayer', 'Radio', 'Rain', 'River', 'Road', 'Rose', 'Sailor', 'Shadow', 'Signal',
  'Sky', 'Smoke', 'Song', 'Sparrow', 'Star', 'Stone', 'Storm', 'Stranger', 'Sun', 'Swan', 'Thunder', 'Tide',
  'Tower', 'Train', 'Valley', 'Voice', 'Wave', 'Window', 'Wolf', 'Wonder', 'Year', 'Youth', 'Satellite',
  'Meadow', 'Compass', 'Harvest', 'Lighthouse', 'Marble', 'Minute', 'Needle', 'Oracle', 'Quarry',
] as const;

export const PLACES = [
  'Avalon', 'Berlin', 'Brooklyn', 'Cairo', 'Carthage', 'Dakar', 'Detroit', 'Dublin', 'Galway', 'Havana', 'Helsinki',
  'Istanbul', 'Kyoto', 'Lagos', 'Lisbon', 'Marrakesh', 'Memphis', 'Montreal', 'Nashville', 'Oslo', 'Paris',
  'Reykjavík', 'Rio', 'Rome', 'Santiago', 'Seoul', 'Tangier', 'Tokyo', 'Valparaíso', 'Vienna', 'Zanzibar',
  'the Harbor', 'the Hills', 'the Valley', 'the Coast', 'the Crossroads', 'the Border', 'the Station',
] as const;

export const VERBS = [
  'Break', 'Burn', 'Call', 'Carry', 'Chase', 'Dance', 'Dream', 'Drive', 'Fall', 'Fly', 'Follow', 'Forget',
  'Hold', 'Hunt', 'Keep', 'Leave', 'Light', 'Listen', 'Lose', 'Love', 'Meet', 'Move', 'Remember', 'Return',
  'Run', 'Save', 'Shine', 'Sing', 'Sleep', 'Stay', 'Swim', 'Take', 'Turn', 'Wait', 'Wake', 'Walk', 'Wander',
  'Whisper', 'Run Away', 'Hold On',
] as const;

export const RECORD_LABELS = [
  'Blue Lantern Records', 'Northern Tide', 'Paper Crown Music', 'Velvet Anchor', 'Quiet Harbor Recordings',
  'Golden Orchard', 'Static Bloom', 'Iron Meadow', 'Silver Compass', 'Midnight Parade', 'Crimson Tower',
  'Open Field Records', 'Hollow Echo', 'Twin Satellite', 'Lucky Sparrow', 'Wooden Ladder', 'Radiant Swan',
  'Marble Chorus', 'Neon Highway', 'Sunken Palace',
] as const;

/** Suffixes real album tags carry; the matcher strips them, so they belong in a realistic library. */
export const EDITION_SUFFIXES = [' (Deluxe Edition)', ' (Remastered)', ' (Expanded Edition)', ' (Live)', ' (Anniversary Edition)'] as const;
