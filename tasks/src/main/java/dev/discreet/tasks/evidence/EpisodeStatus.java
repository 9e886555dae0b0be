package dev.discreet.tasks.evidence;

/** How an episode ended. INFRA_FAILED episodes are kept out of the scores and can be rerun. */
public enum EpisodeStatus { RUNNING, TERMINATED_SUCCESS, TERMINATED_FAIL, STEP_BUDGET, ERROR, INFRA_FAILED }
