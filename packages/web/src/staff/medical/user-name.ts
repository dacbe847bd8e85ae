/** A staff member's login key ("staff:medical") as the user name staff sign in with ("medical"). */
export const userName = (loginKey: string) => loginKey.replace(/^staff:/, '');
