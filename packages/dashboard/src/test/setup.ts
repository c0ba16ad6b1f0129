// React 19 checks this to decide whether it is inside act().
(globalThis as Record<string, unknown>)['IS_REACT_ACT_ENVIRONMENT'] = true;
