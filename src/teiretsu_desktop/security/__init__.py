"""Key slots, unlock and lock, staff roles and permissions, the audit chain. No Qt."""
