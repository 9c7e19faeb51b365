import * as core from '@actions/core';
import { STATE } from './cleanup.js';
import { runMain } from './main.js';
import { runPost } from './post.js';

// action.yml runs this bundle twice: as main, and as post (which sees the state main saved).
if (core.getState(STATE.isPost) === 'true') {
  await runPost();
} else {
  core.saveState(STATE.isPost, 'true');
  await runMain();
}
