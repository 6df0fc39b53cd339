using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Security;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Benchmarks.Security;

/// <summary>
/// What a sign-in costs the server in password hashing: verifying one password at Identity's default
/// work factor and at the portal's (OWASP's 210,000 PBKDF2-HMAC-SHA512 iterations).
/// </summary>
[SimpleJob(RuntimeMoniker.Net10_0, iterationCount: 20, warmupCount: 3)]
[MinColumn, MaxColumn, MedianColumn, Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class PasswordHashingBenchmarks
{
    private const string Password = "CnscdDemo@2025";
    private readonly AppUser _user = new();
    private PasswordHasher<AppUser> _hasher = null!;
    private string _hash = "";

    [Params(100_000, AccountSecurity.PasswordHashIterations)]
    public int Iterations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));
        _hash = _hasher.HashPassword(_user, Password);
    }

    [Benchmark]
    public PasswordVerificationResult VerifyPassword() => _hasher.VerifyHashedPassword(_user, _hash, Password);
}
