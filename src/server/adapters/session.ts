/** The signed-in user's email, lower-cased; '' when Google does not reveal it (consumer accounts in some contexts). */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/** The user at the keyboard, as Google gives it ('' when it does not reveal it). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** The user whose authority the script runs with (the trigger's owner in a trigger). */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}
