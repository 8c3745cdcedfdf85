using System.Diagnostics;
using System.Text;
using Npgsql;
using Rasid.Testing;

namespace Rasid.Storage.Tests;

/// <summary>
/// Fault tests of the PostgreSQL work queue with real <c>rasid work</c> processes on loopback: workers killed with
/// SIGKILL mid-run, a replacement started, and the server restarted mid-run. Every article must end up stored exactly
/// once, with nothing lost and no duplicate rows. Bounded in time (each wait is given at most 150 s; a run takes about 1.5 min on a loaded 2-core machine).
/// </summary>
[Collection(WorkerFaultGroup.Name)]
public sealed class WorkerFaultTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(150);

    [SkippableFact]
    public void Four_workers_two_killed_with_sigkill_and_one_restarted_store_every_article_exactly_once()
    {
        const int Count = 5000;
        var cli = Cli();
        using var db = new PostgresTestDatabase();
        using var dir = new TempDirectory();
        Enqueue(db, dir, Count);

        var workers = Enumerable.Range(0, 4).Select(_ => StartWorker(cli, db.ConnectionString)).ToList();
        try
        {
            WaitFor(db, done => done >= Count / 5, workers);
            workers[0].Kill(entireProcessTree: true); // SIGKILL: no chance to release claims
            workers[1].Kill(entireProcessTree: true);
            workers[0].WaitForExit();
            workers[1].WaitForExit();
            var atKill = Done(db);
            Assert.InRange(atKill, 1, Count - 1);
            workers.Add(StartWorker(cli, db.ConnectionString));

            WaitForExit(workers.Skip(2), db);
        }
        finally
        {
            foreach (var w in workers) Stop(w);
        }

        AssertExactlyOnce(db, Count);
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        // The killed workers held claims: those articles were claimed again after their leases expired.
        Assert.True(Scalar(connection, "SELECT MAX(attempts) FROM work_queue") >= 2, "no claim of a killed worker was retried");
    }

    [SkippableFact]
    public void Workers_reconnect_after_a_postgresql_restart_and_finish()
    {
        var control = Environment.GetEnvironmentVariable("RASID_PG_CTL");
        Skip.If(string.IsNullOrWhiteSpace(control), "RASID_PG_CTL is not set (a command prefix such that '$RASID_PG_CTL restart' restarts the test server; .ci/services.sh sets it).");
        const int Count = 1500;
        var cli = Cli();
        using var db = new PostgresTestDatabase();
        using var dir = new TempDirectory();
        Enqueue(db, dir, Count);

        var workers = Enumerable.Range(0, 2).Select(_ => StartWorker(cli, db.ConnectionString)).ToList();
        try
        {
            WaitFor(db, done => done >= Count / 4, workers);
            var restart = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", RestartCommand(control!) }, RedirectStandardOutput = true, RedirectStandardError = true })!;
            Assert.True(restart.WaitForExit(60_000), "pg_ctl restart did not finish in 60 s");
            Assert.True(restart.ExitCode == 0, "pg_ctl restart failed: " + restart.StandardError.ReadToEnd());
            NpgsqlConnection.ClearAllPools();
            Assert.All(workers, w => Assert.False(w.HasExited, "a worker died with the server instead of reconnecting"));
            WaitForExit(workers, db);
            Assert.All(workers, w => Assert.Equal(0, w.ExitCode));
        }
        finally
        {
            foreach (var w in workers) Stop(w);
        }

        AssertExactlyOnce(db, Count);
    }

    /// <summary>
    /// <c>$RASID_PG_CTL restart</c>; when the prefix is a quoted <c>su postgres -c "pg_ctl ..."</c> command, the operation
    /// goes inside the quotes (after them it would be an argument of su's shell, not of pg_ctl).
    /// </summary>
    internal static string RestartCommand(string control)
    {
        var trimmed = control.TrimEnd();
        return trimmed.EndsWith('"') && trimmed.Contains("-c \"", StringComparison.Ordinal) ? trimmed[..^1] + " restart\"" : trimmed + " restart";
    }

    private static string Cli()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "rasid.dll");
        Skip.IfNot(File.Exists(cli), "rasid.dll is not beside the tests");
        return cli;
    }

    private static void Enqueue(PostgresTestDatabase db, TempDirectory dir, int count)
    {
        var input = dir.File("generated.jsonl");
        using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < count; i++)
            {
                writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = $"gen-{i}", published = "2015-09-30", text = KillResumeTests.Article(i) }));
            }
        }

        var result = CliRunner.Run("ingest", input, "--enqueue", "--db", db.ConnectionString, "--quiet");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"{count:N0} articles queued", result.Out);
    }

    private static Process StartWorker(string cli, string db)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "work", "--db", db, "--workers", "1", "--batch", "25", "--lease", "4", "--quiet" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    private static void WaitFor(PostgresTestDatabase db, Func<long, bool> condition, IReadOnlyList<Process> workers)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Budget)
        {
            if (condition(Done(db))) return;
            Assert.False(workers.All(w => w.HasExited), "every worker exited early");
            Thread.Sleep(100);
        }

        Assert.Fail($"not reached in {Budget.TotalSeconds} s (done: {Done(db)})");
    }

    private static void WaitForExit(IEnumerable<Process> workers, PostgresTestDatabase db)
    {
        var deadline = DateTime.UtcNow + Budget;
        foreach (var w in workers)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && w.WaitForExit(left), $"the workers did not finish in {Budget.TotalSeconds} s (done: {Done(db)})");
        }
    }

    private static long Done(PostgresTestDatabase db)
    {
        try
        {
            using var connection = new NpgsqlConnection(db.ConnectionString);
            connection.Open();
            return Scalar(connection, "SELECT COUNT(*) FROM work_queue WHERE state = 'done'");
        }
        catch (NpgsqlException)
        {
            return 0; // the server is restarting
        }
    }

    private static void AssertExactlyOnce(PostgresTestDatabase db, int count)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(db.ConnectionString);
        connection.Open();
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(*) FROM work_queue WHERE state = 'done'"));
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM work_queue WHERE state <> 'done'"));
        // Each article's completion was committed once (the log row is written in the same transaction as the documents).
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(*) FROM work_log WHERE outcome = 'done'"));
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(DISTINCT queue_id) FROM work_log WHERE outcome = 'done'"));
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(DISTINCT id) FROM documents WHERE id LIKE 'gen-%' AND id NOT LIKE '%~%'"));
        Assert.Equal(count, Scalar(connection, "SELECT COUNT(*) FROM changes WHERE op = 'add'"));
        // No duplicate layer rows: the same mention or event twice in one document would be a double write.
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM (SELECT doc_key, type, trigger_start FROM events GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) x"));
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM (SELECT doc_key, start, type FROM entities GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) x"));
        // Every stored document is a queued one.
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM work_queue q WHERE q.content_hash = d.content_hash)"));
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The fault tests kill workers and restart the shared PostgreSQL server: they run alone, after the parallel
/// tests, so no other test sees the restart.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerFaultGroup
{
    public const string Name = "worker faults (run alone)";
}
