/**
 * A problem with one booking's data or the node's settings, found before anything is rendered.
 * `field` is the display name of the parameter to fix; the node turns this into a NodeOperationError
 * with the item index.
 */
export class BookingInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'BookingInputError';
	}
}
