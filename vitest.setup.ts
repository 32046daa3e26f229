// `server-only` throws outside React's server build; unit tests run plain Node, where the modules
// it guards are exactly what is under test.
import { vi } from 'vitest';

vi.mock('server-only', () => ({}));
