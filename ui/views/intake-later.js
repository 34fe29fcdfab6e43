// The new-complaint window's code, loaded the first time it opens: most
// starts never need it, and Today comes up sooner without it.

const intake = () => import('./intake.js');

/** Opens the new-complaint window (for `customer`, when given). */
export const openIntake = (customer = null) => intake().then((module) => module.openIntake(customer));

/** Opens it with what was handed to Mend (emails, files). */
export const openWithHandedIn = (taken) => intake().then((module) => module.openWithHandedIn(taken));
