using System.Globalization;

namespace BacGiang.Cnscd.Web.Commands;

/// <summary>
/// The options after a verb. Options the verb knows are read from here; everything else (for
/// example <c>--Database:Provider=PostgreSql</c>) is passed on to the host's configuration.
/// </summary>
public sealed class Arguments(string[] args, TextReader input)
{
    // The verbs' own options never reach the host's configuration: there a flag would take the next argument as its
    // value ("--apply --Database:Provider=PostgreSql" would lose the provider).
    private static readonly HashSet<string> VerbOptions = ["--households", "--seed", "--email", "--name", "--plan", "--effective", "--undo"];

    private static readonly HashSet<string> VerbFlags = ["--help", "-h", "--apply", "--repair"];

    public string[] HostArgs { get; } = Filter(args);

    public bool Has(string name) => args.Contains(name);

    public string? Value(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public int? Number(string name)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} cần một số nguyên, không phải '{text}'.");
    }

    /// <summary>Reads a secret from standard input; prompts without echo when a person is typing.</summary>
    public string ReadSecret(string prompt)
    {
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            Console.Write(prompt);
            var chars = new List<char>();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    chars.Add(key.KeyChar);
                }
            }

            Console.WriteLine();
            return new string([.. chars]);
        }

        return input.ReadLine() ?? throw new ArgumentException("Không đọc được mật khẩu từ đầu vào chuẩn.");
    }

    private static string[] Filter(string[] args)
    {
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (VerbFlags.Contains(args[i]))
            {
                continue;
            }

            if (VerbOptions.Contains(args[i]))
            {
                i++; // skip the option's value
                continue;
            }

            host.Add(args[i]);
        }

        return [.. host];
    }
}
