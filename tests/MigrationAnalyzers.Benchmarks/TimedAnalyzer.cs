using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Benchmarks;

#pragma warning disable RS1001, RS1012, RS1025, RS1026 // A wrapper, never loaded by a compiler: the wrapped analyzer configures itself.

/// <summary>
/// Runs an analyzer with every callback timed in the calling thread's processor time, so the
/// figure is what the analyzer itself costs, whatever else the (shared) machine is doing.
/// </summary>
internal sealed class TimedAnalyzer : DiagnosticAnalyzer
{
    private static long _nanoseconds;
    private readonly DiagnosticAnalyzer _inner;

    public TimedAnalyzer(DiagnosticAnalyzer inner)
    {
        _inner = inner;
    }

    public string Name => _inner.GetType().Name;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public static double TakeMilliseconds() => Interlocked.Exchange(ref _nanoseconds, 0) / 1e6;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context));

    internal static Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var start = ThreadCpu.Nanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _nanoseconds, ThreadCpu.Nanoseconds() - start);
        }
    };

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;

        public Context(AnalysisContext inner)
        {
            _inner = inner;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction(Timed(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Timed(action), syntaxKinds);
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;

        public StartContext(CompilationStartAnalysisContext inner)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction(Timed(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Timed(action), syntaxKinds);
    }
}

/// <summary>The calling thread's processor time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; elsewhere the process's, less precise under load).</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        }

        return (long)(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds * 1e6);
    }

    public static double Measure(Action action)
    {
        var start = Nanoseconds();
        action();
        return (Nanoseconds() - start) / 1e6;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
