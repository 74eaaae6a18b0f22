using Xunit;

// One test at a time: each verification already works the database hard (a dozen migrations and
// schema reads a test) and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
