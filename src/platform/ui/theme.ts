/** The tenant's brand colour over Designsystemet's accent tokens; text on it stays readable (WCAG contrast). */
export function themeCss(hex: string): string {
  const color = /^#[0-9a-f]{6}$/i.test(hex) ? hex : "#1e5aa0";
  const contrast = relativeLuminance(color) > 0.179 ? "#000000" : "#ffffff";
  return `:root, [data-color-scheme] {
  --ds-color-accent-base-default: ${color};
  --ds-color-accent-base-hover: color-mix(in srgb, ${color} 85%, black);
  --ds-color-accent-base-active: color-mix(in srgb, ${color} 70%, black);
  --ds-color-accent-base-contrast-default: ${contrast};
  --ds-color-accent-base-contrast-subtle: ${contrast};
  --ds-color-accent-text-default: color-mix(in srgb, ${color} 60%, black);
  --ds-color-accent-border-strong: ${color};
}
`;
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
