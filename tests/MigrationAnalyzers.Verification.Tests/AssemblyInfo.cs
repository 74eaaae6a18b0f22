using Xunit;

// One test at a time: each verification already works the database hard, the machine has two
// cores, and the clean-up tests count scratch databases and files, which parallel runs would race.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
