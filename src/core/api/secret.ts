/** virSecret*. */
export interface SecretApi {}
