// One collection for the assembly, so one browser and one server at a time: each test starts both,
// and the machine is small and shared.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
