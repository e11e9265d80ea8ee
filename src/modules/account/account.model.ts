/** The signed-in person's own account, as they see and change it. */
export interface Account {
  id: string;
  name: string;
  email: string;
  /** The language they chose; null until they choose one. */
  language: string | null;
}

export interface AccountProfile {
  name: string;
  language: string;
}
