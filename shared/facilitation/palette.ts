// The fixed palette clusters are coloured from. Fixed so that every laptop shows
// the same colour for a cluster and so that every colour is known to be readable:
// the accent (border, cluster name) has at least 4.5:1 contrast against white and
// against its own background, body text on the background at least 7:1 (WCAG 2.1
// AA for text and non-text contrast, AAA for the card text). Colour is never the
// only cue: clusters also have names. The UI translates the keys.

/** Minimum contrast of a cluster's accent against white and its background. */
export const MIN_ACCENT_CONTRAST = 4.5;
/** Minimum contrast of card text on a cluster's background. */
export const MIN_TEXT_CONTRAST = 7;
/** The text colour the palette was checked with. */
export const CLUSTER_TEXT_COLOUR = '#1F1F1F';

export const CLUSTER_COLOURS = [
  'blue',
  'orange',
  'green',
  'red',
  'purple',
  'yellow',
  'teal',
  'grey',
] as const;
export type ClusterColour = (typeof CLUSTER_COLOURS)[number];

export interface Swatch {
  /** Border and cluster name. */
  readonly accent: string;
  /** Cluster area behind the cards. */
  readonly background: string;
}

export const PALETTE: Readonly<Record<ClusterColour, Swatch>> = {
  blue: { accent: '#0B5FA5', background: '#DCEBF7' },
  orange: { accent: '#9C4E00', background: '#FCE8D4' },
  green: { accent: '#1B7340', background: '#DDF1E4' },
  red: { accent: '#B3261E', background: '#FADCDA' },
  purple: { accent: '#7B3F9E', background: '#EEE0F5' },
  yellow: { accent: '#7A6400', background: '#FAF0C8' },
  teal: { accent: '#00727A', background: '#D5F0F1' },
  grey: { accent: '#555B63', background: '#E8EAED' },
};

export function isClusterColour(value: unknown): value is ClusterColour {
  return (CLUSTER_COLOURS as readonly unknown[]).includes(value);
}

/** The colour a new cluster gets when none is chosen: the next one round the palette. */
export function nextClusterColour(clustersSoFar: number): ClusterColour {
  const index =
    ((Math.floor(clustersSoFar) % CLUSTER_COLOURS.length) + CLUSTER_COLOURS.length) %
    CLUSTER_COLOURS.length;
  return CLUSTER_COLOURS[index] ?? 'blue';
}

/** WCAG 2.1 relative luminance of a "#RRGGBB" colour. */
export function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [value >> 16, (value >> 8) & 0xff, value & 0xff].map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two "#RRGGBB" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
