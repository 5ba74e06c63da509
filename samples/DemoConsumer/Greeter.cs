namespace DemoConsumer;

/// <summary>The feature the demo plan is about.</summary>
public static class Greeter
{
    public static string Greet(string name) => "Hello, " + name + "!";
}
