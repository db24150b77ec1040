import type { IDataObject } from 'n8n-workflow';

/**
 * Poll votes. Before GOWA v9.5 a vote arrived as a bare `message` event without content. Since upstream PR #816
 * (v9.5) GOWA decrypts it and adds, still as `event: "message"`, the poll message it answers, the selected option
 * names, their lowercase SHA-256 hashes and a resolution state (names are missing when GOWA does not know the poll
 * any more). The exact field names of that PR were not available to us, so this reads the spellings it is likely
 * to use (snake_case, in a `poll_vote` object or at the payload's top level) and never fails on others: the
 * untouched payload is still on the item.
 */
export interface PollVote {
	/** ID of the poll message this vote answers. */
	pollMessageId: string | null;
	/** Names of the chosen options (empty when GOWA could not resolve them). */
	selectedOptions: string[];
	/** SHA-256 hashes (hex, lowercase) of the chosen options, as WhatsApp sends them. */
	selectedHashes: string[];
	/** GOWA's resolution state, when it sends one. */
	resolution: string | null;
}

const CONTAINERS = ['poll_vote', 'poll_update', 'poll_vote_update', 'vote'];
const POLL_ID_KEYS = ['poll_message_id', 'poll_id', 'poll_creation_message_id', 'poll_creation_id'];
const NAME_KEYS = ['selected_options', 'selected_option_names', 'selected_names'];
const HASH_KEYS = ['selected_hashes', 'selected_option_hashes', 'option_hashes', 'hashes'];
const RESOLUTION_KEYS = ['resolution', 'resolution_state', 'status'];
/** WhatsApp polls have at most 12 options; anything longer is not a vote. */
const MAX_ENTRIES = 32;
const MAX_TEXT = 500;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT ? value : undefined;
}

function first(source: IDataObject, keys: string[]): unknown {
	for (const key of keys) if (source[key] !== undefined && source[key] !== null) return source[key];
	return undefined;
}

/** Names and hashes from a list of strings or of `{name|option_name, hash|option_hash}` objects. */
function entries(value: unknown, field: 'name' | 'hash'): string[] {
	if (!Array.isArray(value) || value.length > MAX_ENTRIES) return [];
	const keys = field === 'name' ? ['name', 'option_name', 'optionName', 'title'] : ['hash', 'option_hash', 'sha256'];
	return value
		.map((entry) => (isObject(entry) ? text(first(entry, keys)) : text(entry)))
		.filter((entry): entry is string => entry !== undefined);
}

function hashes(source: IDataObject): string[] {
	const direct = entries(first(source, HASH_KEYS), 'hash');
	const inOptions = entries(first(source, NAME_KEYS), 'hash');
	return (direct.length > 0 ? direct : inOptions).map((hash) => hash.toLowerCase());
}

/** The poll vote a `message` payload carries, or undefined when it is not one. */
export function pollVoteOf(payload: IDataObject): PollVote | undefined {
	const container = CONTAINERS.map((key) => payload[key]).find(isObject);
	const source = container ?? payload;
	const selectedOptions = entries(first(source, NAME_KEYS), 'name');
	const selectedHashes = hashes(source);
	const pollMessageId = text(first(source, POLL_ID_KEYS)) ?? null;
	// A vote names its poll, or (inside a vote object) at least what was chosen; an empty re-vote clears the choice.
	if (container === undefined && pollMessageId === null) return undefined;
	if (pollMessageId === null && selectedOptions.length === 0 && selectedHashes.length === 0) return undefined;
	return { pollMessageId, selectedOptions, selectedHashes, resolution: text(first(source, RESOLUTION_KEYS)) ?? null };
}

/** The generic `reply` of an item: the (first) chosen option, its hash as id; null when nothing is chosen. */
export function replyOf(vote: PollVote): { id: string | null; title: string | null } | null {
	const id = vote.selectedHashes[0] ?? null;
	const title = vote.selectedOptions[0] ?? null;
	return id === null && title === null ? null : { id, title };
}
