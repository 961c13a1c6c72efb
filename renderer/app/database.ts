// The app's one database connection.
import { openDatabase } from '../persistence/db';

export const db = openDatabase();
