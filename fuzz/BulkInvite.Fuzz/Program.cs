using BulkInvite.Fuzz;
using SharpFuzz;

// Usage: BulkInvite.Fuzz TARGET            run under afl-fuzz (fuzz/run.sh does this)
//        BulkInvite.Fuzz TARGET FILE...    run the target once on each file, to replay a finding
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: BulkInvite.Fuzz ({string.Join("|", FuzzTargets.Names)}) [FILE...]");
    return 2;
}

var target = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        FuzzTargets.Run(target, File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
