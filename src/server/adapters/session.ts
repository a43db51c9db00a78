/** Set while an edit recorded earlier is judged as the person who made it (features/edits/pending.ts). */
let actingFor: string | null = null;

/** Runs `body` with currentUserEmail() answering `email` (lower-cased): the author of a deferred edit. */
export function actingAs<T>(email: string, body: () => T): T {
  const previous = actingFor;
  actingFor = email.trim().toLowerCase();
  try {
    return body();
  } finally {
    actingFor = previous;
  }
}

/** The signed-in user's email, lower-cased; '' when Google does not reveal it (consumer accounts in some contexts). */
export function currentUserEmail(): string {
  if (actingFor !== null) return actingFor;
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
