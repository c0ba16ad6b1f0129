import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from '../shell/states';

/*
 * Keeps the records on the Supervision page usable when the figures above
 * them fail to load or to draw: the figures' place shows an error instead,
 * and the sessions and agreements below still work.
 */

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

export class MetricsBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Reported for developers; the page says it plainly.
    console.error('The supervision figures failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState title="The supervision figures could not be shown">
        <p>The records below are not affected. Reload the page to try again.</p>
      </ErrorState>
    );
  }
}
