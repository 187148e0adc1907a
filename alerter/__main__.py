from alerter.cli import main

main()
