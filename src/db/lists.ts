/** Columns holding several codes as comma-separated text ("da,en") are read and written here. */
export const listOf = (column: string | null | undefined): string[] => (column ? column.split(",") : []);
