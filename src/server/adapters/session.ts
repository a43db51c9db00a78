/** The signed-in user's email, lower-cased; '' when Google does not reveal it (consumer accounts in some contexts). */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
