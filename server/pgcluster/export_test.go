package pgcluster

// Abandon lets go of the cluster as a crashed process would: the server
// keeps running and the lock is gone.
func (c *Cluster) Abandon() { c.unlock() }
