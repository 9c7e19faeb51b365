import { nothingLeft, savedState } from './saved-state.js';

// action.yml runs this bundle twice: as main, and as post (which sees the state main saved). Main and
// post are loaded only when needed: a post with nothing to undo (main cleaned up) ends without loading
// the toolkit, whose start-up costs about as much again as node's own.
const saved = savedState(process.env);
if (!saved.isPost) {
  await (await import('./main.js')).runMain();
} else if (nothingLeft(saved.leftovers)) {
  process.stdout.write('Nothing to clean up: the main step already did.\n');
} else {
  await (await import('./post.js')).runPost(saved.leftovers);
}
