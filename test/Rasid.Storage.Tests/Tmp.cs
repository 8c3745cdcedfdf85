namespace Rasid.Storage.Tests; public class T {}
