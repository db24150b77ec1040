'use strict';
/** Everything the e2e suite, `npm run dev` and the benchmarks share, in one require. */
module.exports = {
	...require('./install'),
	...require('./pack'),
	...require('./n8n'),
	...require('./ports'),
	...require('./fixtures'),
	...require('./workflows'),
	...require('./environment'),
	...require('./context'),
	...require('./runner'),
	...require('./browser'),
	...require('./forgery'),
	media: require('./media'),
};
